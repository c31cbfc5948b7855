"""cooldown"""
